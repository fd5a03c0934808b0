package dev.fedcred.core.secrets;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Windows Credential Manager: a generic credential named {@code fedcred:KEY} in the user's
 * vault, written and read with advapi32's CredWriteW, CredReadW and CredDeleteW through JNA.
 * The secret is handed over in memory, as UTF-8 bytes. Written from Microsoft's WinCred
 * documentation; not run on Windows by fedcred's tests.
 */
public final class WindowsCredentialStore implements SecretStore {
    static final String NAME = "Windows Credential Manager";
    private static final int CRED_TYPE_GENERIC = 1;
    private static final int CRED_PERSIST_LOCAL_MACHINE = 2;
    private static final int ERROR_NOT_FOUND = 1168;

    /** The three calls fedcred needs from advapi32.dll (wincred.h), wide-character versions. */
    interface Advapi32 extends Library {
        boolean CredWriteW(Credential credential, int flags) throws LastErrorException;

        boolean CredReadW(WString targetName, int type, int flags, PointerByReference credential) throws LastErrorException;

        boolean CredDeleteW(WString targetName, int type, int flags) throws LastErrorException;

        void CredFree(Pointer buffer);
    }

    /** CREDENTIALW; field order and types as in wincred.h. */
    @Structure.FieldOrder({"Flags", "Type", "TargetName", "Comment", "LastWrittenLow", "LastWrittenHigh",
            "CredentialBlobSize", "CredentialBlob", "Persist", "AttributeCount", "Attributes", "TargetAlias", "UserName"})
    public static final class Credential extends Structure {
        public int Flags;
        public int Type;
        public WString TargetName;
        public WString Comment;
        public int LastWrittenLow;
        public int LastWrittenHigh;
        public int CredentialBlobSize;
        public Pointer CredentialBlob;
        public int Persist;
        public int AttributeCount;
        public Pointer Attributes;
        public WString TargetAlias;
        public WString UserName;

        public Credential() {
        }

        Credential(Pointer memory) {
            super(memory);
            read();
        }
    }

    private Advapi32 advapi32;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void put(String key, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        Memory blob = new Memory(bytes.length);
        blob.write(0, bytes, 0, bytes.length);
        Credential credential = new Credential();
        credential.Type = CRED_TYPE_GENERIC;
        credential.TargetName = new WString(target(key));
        credential.Comment = new WString("fedcred refresh token");
        credential.CredentialBlobSize = bytes.length;
        credential.CredentialBlob = blob;
        credential.Persist = CRED_PERSIST_LOCAL_MACHINE;
        credential.UserName = new WString(key);
        try {
            api().CredWriteW(credential, 0);
        } catch (LastErrorException e) {
            throw failed("store a secret", e);
        } finally {
            blob.clear();
        }
    }

    @Override
    public Optional<String> get(String key) {
        PointerByReference found = new PointerByReference();
        try {
            api().CredReadW(new WString(target(key)), CRED_TYPE_GENERIC, 0, found);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ERROR_NOT_FOUND) {
                return Optional.empty();
            }
            throw failed("look up a secret", e);
        }
        try {
            Credential credential = new Credential(found.getValue());
            byte[] bytes = credential.CredentialBlob.getByteArray(0, credential.CredentialBlobSize);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } finally {
            api().CredFree(found.getValue());
        }
    }

    @Override
    public void delete(String key) {
        try {
            api().CredDeleteW(new WString(target(key)), CRED_TYPE_GENERIC, 0);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != ERROR_NOT_FOUND) {
                throw failed("delete a secret", e);
            }
        }
    }

    private synchronized Advapi32 api() {
        if (advapi32 == null) {
            try {
                advapi32 = Native.load("advapi32", Advapi32.class);
            } catch (UnsatisfiedLinkError e) {
                throw new KeychainUnavailableException("The " + NAME + " cannot be used: advapi32.dll did not load ("
                        + e.getMessage() + ").", e);
            }
        }
        return advapi32;
    }

    private static String target(String key) {
        return "fedcred:" + key;
    }

    private static KeychainUnavailableException failed(String what, LastErrorException e) {
        return new KeychainUnavailableException("The " + NAME + " could not " + what + " (Windows error "
                + e.getErrorCode() + "). Sign in to Windows with your own account and try again.", e);
    }
}
