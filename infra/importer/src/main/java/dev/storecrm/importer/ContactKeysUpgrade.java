package dev.storecrm.importer;

import dev.storecrm.platform.messaging.Pacer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./dev upgrade contact-keys --members-table <name>}: the lookup keys written on the members a
 * stack archived before its archive wrote them ({@link ContactKeysBackfill}), with the caller's AWS
 * credentials and Region, as {@code ./dev import --bus} does. The caller needs {@code dynamodb:Scan}
 * and {@code dynamodb:UpdateItem} on the table. A checkpoint file in the current directory lets
 * {@code --resume} go on after an interruption. Exits 0 when the pass is complete, 1 when it
 * stopped, 2 on a bad option.
 */
public final class ContactKeysUpgrade {

    static final String USAGE = """
            ./dev upgrade contact-keys --members-table <MembersTable name> [--region <region>] [--rate <n>] [--resume]

            Writes the member view's lookup keys (emailKey, phoneKey) on members archived before StoreCRM wrote
            them, so that the console's search and the customer e-mail care find every member by address or
            number. Needed once after upgrading a stack deployed before the member view; running it again
            changes nothing.
              --members-table  the stack's MembersTable (the output MembersTableName, or the console's resources)
              --region         the stack's Region (default: the AWS SDK's default chain)
              --rate           updates per second at most (default 25; on-demand tables take far more)
              --resume         go on after the member the last run's checkpoint names
            """;

    private ContactKeysUpgrade() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), out, Path.of(System.getProperty("storecrm.callerDir", "")).toAbsolutePath()));
    }

    static int run(List<String> args, PrintStream out, Path callerDir) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("./dev upgrade: " + e.getMessage());
            out.println("./dev upgrade --help lists the options");
            return 2;
        }
        Path checkpoint = callerDir.resolve("contact-keys-" + options.table() + ".checkpoint");
        Optional<String> resumeAfter = read(checkpoint);
        if (resumeAfter.isPresent() && !options.resume()) {
            out.println("./dev upgrade: " + checkpoint + " holds an earlier run's checkpoint: add --resume to go on "
                    + "from it, or delete it to start over");
            return 2;
        }
        Region region = options.region().map(Region::of)
                .orElseGet(() -> DefaultAwsRegionProviderChain.builder().build().getRegion());
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(region).credentialsProvider(DefaultCredentialsProvider.builder().build()).build()) {
            out.println("Contact keys for the members of " + options.table() + " (" + region + ")");
            return pass(new ContactKeysBackfill(dynamoDb, options.table(), new Pacer(options.rate())), resumeAfter,
                    checkpoint, out);
        } catch (RuntimeException e) {
            // AWS refusing the credentials, the Region or the table; the checkpoint keeps what was done.
            out.println("./dev upgrade: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    /** One pass, its checkpoint kept while it runs and deleted when it completes. */
    static int pass(ContactKeysBackfill backfill, Optional<String> resumeAfter, Path checkpoint, PrintStream out) {
        ContactKeysBackfill.Result result = backfill.run(resumeAfter, last -> write(checkpoint, last), out);
        delete(checkpoint);
        out.printf("Done: %,d members read; keys written on %,d; %,d had them; %,d changed meanwhile (the archive "
                + "keyed them); %,d have neither an address nor an international number%n", result.scanned(),
                result.updated(), result.alreadyKeyed(), result.changedMeanwhile(), result.noKey());
        return 0;
    }

    private static Optional<String> read(Path checkpoint) {
        try {
            return Files.isRegularFile(checkpoint) ? Optional.of(Files.readString(checkpoint).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path checkpoint, String lastCustomerId) {
        try {
            Files.writeString(checkpoint, lastCustomerId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + checkpoint, e);
        }
    }

    private static void delete(Path checkpoint) {
        try {
            Files.deleteIfExists(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line: {@code contact-keys} and its options. */
    record Options(String table, Optional<String> region, int rate, boolean resume) {

        static Options parse(List<String> args) {
            if (!args.getFirst().equals("contact-keys")) {
                throw new IllegalArgumentException("unknown upgrade " + args.getFirst() + " (the one there is: "
                        + "contact-keys)");
            }
            String table = null;
            String region = null;
            int rate = 25;
            boolean resume = false;
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--members-table" -> table = value(args, ++i, arg);
                    case "--region" -> region = value(args, ++i, arg);
                    case "--rate" -> rate = rate(value(args, ++i, arg));
                    case "--resume" -> resume = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (table == null) {
                throw new IllegalArgumentException("--members-table is required: the stack's MembersTable name");
            }
            return new Options(table, Optional.ofNullable(region), rate, resume);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size() || args.get(i).startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }

        private static int rate(String text) {
            try {
                int rate = Integer.parseInt(text);
                if (rate >= 1) {
                    return rate;
                }
            } catch (NumberFormatException notANumber) {
                // refused below, with the rule
            }
            throw new IllegalArgumentException("--rate must be a whole number of updates per second, at least 1: "
                    + text);
        }
    }
}
