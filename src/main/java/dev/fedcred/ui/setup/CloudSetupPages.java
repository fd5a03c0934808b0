package dev.fedcred.ui.setup;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.AwsRoleKind;
import dev.fedcred.core.aws.chained.ChainedRoleKind;
import dev.fedcred.core.aws.setup.SetupDocument;
import dev.fedcred.core.gcp.GcpWorkloadKind;
import dev.fedcred.core.text.OutsideText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes a target's {@link SetupPage} from what core's generators return ({@code fedcred setup aws}
 * and {@code setup gcp} print the same documents): it only groups them by format and neutralises
 * them for display. A claim (sub, email) is in the documents quoted for its language but may still
 * hold characters a window should not act on; a copy takes the text as shown. Background work: the
 * generators read the stored sign-in.
 */
public final class CloudSetupPages {
    public static final String TRUST_POLICY = "Trust policy";
    public static final String AWS_CLI = "AWS CLI";
    public static final String CLOUDFORMATION = "CloudFormation";
    public static final String TERRAFORM = "Terraform";
    public static final String GCLOUD = "gcloud";

    private static final Set<String> KINDS = Set.of(AwsRoleKind.ID, ChainedRoleKind.ID, GcpWorkloadKind.ID);

    private CloudSetupPages() {
    }

    /** Whether targets of the kind {@code kindId} have a generated cloud set-up. */
    public static boolean offeredFor(String kindId) {
        return KINDS.contains(kindId);
    }

    public static SetupPage load(FedcredContext context, String targetName, String kindId) {
        if (GcpWorkloadKind.ID.equals(kindId)) {
            List<dev.fedcred.core.gcp.setup.SetupDocument> documents = context.gcpSetup().forTarget(targetName);
            return new SetupPage(targetName, tabs(documents, document -> switch (document.format()) {
                case SHELL -> GCLOUD;
                case TERRAFORM -> TERRAFORM;
            }, document -> section(document.title(), document.text(), document.notes(), null)),
                    shown(context.gcpSetup().checkHint(targetName)));
        }
        List<SetupDocument> documents = context.awsSetup().forTarget(targetName, false);
        return new SetupPage(targetName, tabs(documents, document -> switch (document.format()) {
            case JSON -> TRUST_POLICY;
            case COMMANDS -> AWS_CLI;
            case CLOUDFORMATION -> CLOUDFORMATION;
            case TERRAFORM -> TERRAFORM;
        }, document -> section(document.title(), document.text(), List.of(), document.fileName())),
                shown(context.awsSetup().checkHint(targetName)));
    }

    private static <D> List<SetupPage.Tab> tabs(List<D> documents, Function<D, String> tabName,
                                                Function<D, SetupPage.Section> section) {
        Map<String, List<SetupPage.Section>> byTab = new LinkedHashMap<>();
        for (D document : documents) {
            byTab.computeIfAbsent(tabName.apply(document), name -> new ArrayList<>()).add(section.apply(document));
        }
        List<SetupPage.Tab> tabs = new ArrayList<>();
        byTab.forEach((name, sections) -> tabs.add(new SetupPage.Tab(name, sections)));
        return tabs;
    }

    private static SetupPage.Section section(String title, String text, List<String> notes, String fileName) {
        return new SetupPage.Section(shown(title), shown(text), notes.stream().map(CloudSetupPages::shown).toList(),
                fileName == null ? null : OutsideText.neutralise(fileName));
    }

    /** Line breaks are the documents' own; anything else a window or terminal could act on is escaped. */
    private static String shown(String text) {
        return text == null ? null : OutsideText.neutraliseKeepingLineBreaks(text);
    }
}
