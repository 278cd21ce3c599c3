package dev.storecrm.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of a benchmark. */
record Options(Map<String, String> values) {

    static Options parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("options are --name value pairs; got " + arg
                        + " (./dev bench <name> --help lists each benchmark's options)");
            }
            values.put(arg.substring(2), args.get(++i));
        }
        return new Options(values);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }
}
