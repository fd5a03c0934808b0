package dev.fedcred.core.aws;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An STS Query-protocol reply read into its elements by path ("ErrorResponse/Error/Code"), as the
 * SDKs read it: by local name, whatever the namespace. No DTD, no external entity: the reply comes
 * from the network.
 */
final class StsQueryXml {
    private static final XMLInputFactory FACTORY = safeFactory();

    /** Every element's path; a leaf's maps to its text, trimmed, any other's to "". */
    private final Map<String, String> elements;

    private StsQueryXml(Map<String, String> elements) {
        this.elements = elements;
    }

    /** @throws XMLStreamException when {@code reply} is not well-formed XML */
    static StsQueryXml parse(byte[] reply) throws XMLStreamException {
        Map<String, String> elements = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        boolean leaf = false;
        XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(reply));
        try {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        path.addLast(path.isEmpty() ? reader.getLocalName() : path.peekLast() + "/" + reader.getLocalName());
                        elements.putIfAbsent(path.peekLast(), "");
                        text.setLength(0);
                        leaf = true;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (leaf) {
                            elements.put(path.peekLast(), text.toString().trim());
                        }
                        path.removeLast();
                        leaf = false;
                    }
                    default -> { }
                }
            }
        } finally {
            reader.close();
        }
        return new StsQueryXml(elements);
    }

    boolean has(String path) {
        return elements.containsKey(path);
    }

    /** The text of the element at {@code path}, or null when there is none (or it is empty). */
    String text(String path) {
        String text = elements.get(path);
        return text == null || text.isEmpty() ? null : text;
    }

    /** The text of the first element whose path ends in {@code suffix}, e.g. "/Error/Code". */
    Optional<String> textEndingIn(String suffix) {
        for (Map.Entry<String, String> element : elements.entrySet()) {
            if (element.getKey().endsWith(suffix) && !element.getValue().isEmpty()) {
                return Optional.of(element.getValue());
            }
        }
        return Optional.empty();
    }

    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
