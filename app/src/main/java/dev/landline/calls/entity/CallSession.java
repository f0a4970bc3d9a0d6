package dev.landline.calls.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One call between two webhooks. The next webhook proves it belongs to this call with a single-use token; only
 * the token's SHA-256 is stored.
 */
@Entity
@Table(name = "call_session")
@NamedQuery(name = CallSession.BY_TOKEN_HASH, query = "select s from CallSession s where s.tokenHash = :hash")
public class CallSession {

    public static final String BY_TOKEN_HASH = "CallSession.byTokenHash";
    public static final int MAX_PIN_FAILURES = 3;
    public static final int MAX_REPROMPTS = 3;

    @Id
    @Column(name = "uuid", length = 64)
    private String uuid;

    @Column(name = "conversation_uuid", length = 80)
    private String conversationUuid;

    @Column(name = "from_number", length = 32)
    private String fromNumber;

    @Column(name = "to_number", length = 32)
    private String toNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, length = 20)
    private Stage stage;

    @Column(name = "caller_id")
    private Long callerId;

    /** True when the caller was selected by caller ID, so a wrong PIN asks for the PIN again, not the account. */
    @Column(name = "recognised", nullable = false)
    private boolean recognised;

    @Column(name = "pin_failures", nullable = false)
    private int pinFailures;

    @Column(name = "reprompts", nullable = false)
    private int reprompts;

    @Column(name = "menu_page", nullable = false)
    private int menuPage;

    @Column(name = "account_id")
    private Long accountId;

    /** HOTP only: the counter of the code just read, so that "again" repeats it. */
    @Column(name = "read_counter")
    private Long readCounter;

    @Column(name = "token_hash", length = 64, unique = true)
    private String tokenHash;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected CallSession() {
    }

    public CallSession(String uuid, String conversationUuid, String fromNumber, String toNumber, OffsetDateTime now) {
        this.uuid = Objects.requireNonNull(uuid);
        this.conversationUuid = conversationUuid;
        this.fromNumber = fromNumber;
        this.toNumber = toNumber;
        this.startedAt = now;
        this.updatedAt = now;
        this.stage = Stage.ACCOUNT_NUMBER;
    }

    /** (Re)starts the dialogue; PIN failures already counted in this call stay counted. */
    public void start(Long callerId, boolean recognised, OffsetDateTime now) {
        this.callerId = callerId;
        this.recognised = recognised;
        this.stage = recognised ? Stage.PIN : Stage.ACCOUNT_NUMBER;
        this.reprompts = 0;
        this.menuPage = 0;
        this.accountId = null;
        touch(now);
    }

    public void expectPinFor(Long callerId, OffsetDateTime now) {
        this.callerId = callerId;
        moveTo(Stage.PIN, now);
    }

    /** Counts a wrong PIN; true while the call may try again. */
    public boolean pinFailed(OffsetDateTime now) {
        pinFailures++;
        if (pinFailures >= MAX_PIN_FAILURES) {
            end(now);
            return false;
        }
        if (recognised) {
            moveTo(Stage.PIN, now);
        } else {
            callerId = null;
            moveTo(Stage.ACCOUNT_NUMBER, now);
        }
        return true;
    }

    public void showMenu(int page, OffsetDateTime now) {
        this.menuPage = page;
        this.accountId = null;
        this.readCounter = null;
        moveTo(Stage.MENU, now);
    }

    public void codeRead(Long accountId, Long counter, OffsetDateTime now) {
        this.accountId = accountId;
        this.readCounter = counter;
        moveTo(Stage.AFTER_CODE, now);
    }

    public Long readCounter() {
        return readCounter;
    }

    /** Counts a timeout or an unexpected key; true while the caller may try again. */
    public boolean reprompted(OffsetDateTime now) {
        reprompts++;
        touch(now);
        if (reprompts >= MAX_REPROMPTS) {
            end(now);
            return false;
        }
        return true;
    }

    public void end(OffsetDateTime now) {
        this.stage = Stage.ENDED;
        this.tokenHash = null;
        touch(now);
    }

    /** The next webhook must carry the token whose hash this is; the previous token stops working. */
    public void expectToken(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public void useToken() {
        this.tokenHash = null;
    }

    private void moveTo(Stage next, OffsetDateTime now) {
        this.stage = next;
        this.reprompts = 0;
        touch(now);
    }

    private void touch(OffsetDateTime now) {
        this.updatedAt = now;
    }

    public String uuid() {
        return uuid;
    }

    public String fromNumber() {
        return fromNumber;
    }

    /** The number called, normalised; null when the provider gave none that could be read. */
    public String toNumber() {
        return toNumber;
    }

    public Stage stage() {
        return stage;
    }

    public Long callerId() {
        return callerId;
    }

    public boolean recognised() {
        return recognised;
    }

    public int pinFailures() {
        return pinFailures;
    }

    public int menuPage() {
        return menuPage;
    }

    public Long accountId() {
        return accountId;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
