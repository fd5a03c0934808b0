package dev.fedcred.core.aws.setup;

/**
 * Text placed into Terraform's HCL. A quoted HCL string takes JSON's escapes, but {@code ${} and
 * {@code %{} start a template there, so a claim holding them would be evaluated: doubled
 * ({@code $${}, {@code %%{}) they stay literal.
 */
final class HclText {
    private HclText() {
    }

    /** {@code value} as a quoted HCL string. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return templatesLiteral(out.append('"').toString());
    }

    /**
     * JSON text as an HCL expression: JSON objects, arrays and strings are HCL syntax, and every
     * {@code ${} or {@code %{} in JSON text lies inside a string, where it is doubled.
     */
    static String fromJson(String json) {
        return templatesLiteral(json);
    }

    private static String templatesLiteral(String text) {
        return text.replace("${", "$${").replace("%{", "%%{");
    }
}
