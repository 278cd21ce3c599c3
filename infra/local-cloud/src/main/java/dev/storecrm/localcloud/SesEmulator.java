package dev.storecrm.localcloud;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The SES v2 API emulator ({@code aws-ses-v2-local}, an npm package pinned in
 * {@code infra/ses-emulator/package-lock.json}), run with Node on a loopback port. Installs itself
 * with {@code npm ci} on first use. Sent mail is kept in memory: {@code GET /store} as JSON, and a
 * web view at {@code /}.
 */
final class SesEmulator implements AutoCloseable {

    private static final Path HOME = Template.projectRoot().resolve("infra/ses-emulator");
    private static final Path CLI = HOME.resolve("node_modules/aws-ses-v2-local/dist/cli.js");

    private final Process process;
    private final int port;

    SesEmulator() {
        installIfMissing();
        this.port = EmulatorBackend.freePort();
        try {
            Path log = Files.createDirectories(HOME.resolve("target")).resolve("ses-emulator.log");
            process = new ProcessBuilder("node", CLI.toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SES emulator: is Node.js (>= 20.19) installed?", e);
        }
        awaitHealthy();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the SES emulator exited (see infra/ses-emulator/target/ses-emulator.log)");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/health-check"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the SES emulator did not answer within 30 s");
    }

    private static synchronized void installIfMissing() {
        if (Files.isRegularFile(CLI)) {
            return;
        }
        List<String> command = List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        try {
            Process npm = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true)
                    .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "storecrm-npm-ci.log")).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(CLI)) {
                throw new IllegalStateException("`npm ci` in infra/ses-emulator failed (log in "
                        + System.getProperty("java.io.tmpdir")
                        + "/storecrm-npm-ci.log); Node.js >= 20.19 and npm are needed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("the SES emulator needs Node.js >= 20.19 and npm on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
