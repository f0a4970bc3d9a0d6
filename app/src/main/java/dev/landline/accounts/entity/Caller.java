package dev.landline.accounts.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A person who may dial in. Holds the PIN hash, never the PIN. */
@Entity
@Table(name = "caller")
@NamedQuery(name = Caller.ALL, query = "select c from Caller c order by c.id desc")
@NamedQuery(name = Caller.BY_ACCOUNT_NUMBER, query = "select c from Caller c where c.accountNumber = :number")
@NamedQuery(name = Caller.LANGUAGE, query = "select c.language from Caller c where c.id = :id")
public class Caller {

    public static final String ALL = "Caller.all";
    public static final String LANGUAGE = "Caller.language";
    public static final String BY_ACCOUNT_NUMBER = "Caller.byAccountNumber";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "caller_seq")
    @SequenceGenerator(name = "caller_seq", sequenceName = "caller_seq", allocationSize = 1)
    private Long id;

    @Column(name = "display_name", nullable = false, length = 100)
    private String name;

    @Column(name = "account_number", nullable = false, unique = true, length = 16)
    private String accountNumber;

    @Column(name = "pin_hash", nullable = false, length = 255)
    private String pinHash;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @ElementCollection
    @CollectionTable(name = "caller_phone", joinColumns = @JoinColumn(name = "caller_id"))
    @Column(name = "phone_number", nullable = false, length = 20)
    private Set<String> phoneNumbers = new TreeSet<>();

    @OneToMany(mappedBy = "caller", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("menuPosition ASC, id ASC")
    private List<OtpAccount> accounts = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Caller() {
    }

    public Caller(String name, String accountNumber, String pinHash, Collection<String> phoneNumbers,
            String language, OffsetDateTime createdAt) {
        this.name = Objects.requireNonNull(name);
        this.accountNumber = Objects.requireNonNull(accountNumber);
        this.pinHash = Objects.requireNonNull(pinHash);
        this.phoneNumbers.addAll(phoneNumbers);
        this.language = Objects.requireNonNull(language);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public void changePinHash(String newHash) {
        this.pinHash = Objects.requireNonNull(newHash);
    }

    /** Puts the account at the end of this caller's menu. */
    public void addAccount(OtpAccount account) {
        account.moveTo(accounts.size() + 1);
        accounts.add(account);
    }

    public void removeAccount(OtpAccount account) {
        accounts.remove(account);
        renumber();
    }

    /** Reorders the menu; {@code orderedIds} must name every account of this caller exactly once. */
    public boolean reorder(List<Long> orderedIds) {
        if (orderedIds.size() != accounts.size() || Set.copyOf(orderedIds).size() != accounts.size()) {
            return false;
        }
        var reordered = new ArrayList<OtpAccount>();
        for (Long id : orderedIds) {
            var match = accounts.stream().filter(a -> a.id().equals(id)).findFirst();
            if (match.isEmpty()) {
                return false;
            }
            reordered.add(match.get());
        }
        accounts.clear();
        accounts.addAll(reordered);
        renumber();
        return true;
    }

    private void renumber() {
        for (int i = 0; i < accounts.size(); i++) {
            accounts.get(i).moveTo(i + 1);
        }
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public String pinHash() {
        return pinHash;
    }

    public String language() {
        return language;
    }

    public Set<String> phoneNumbers() {
        return Set.copyOf(phoneNumbers);
    }

    /** The OTP accounts in menu order. */
    public List<OtpAccount> accounts() {
        var ordered = new ArrayList<>(accounts);
        ordered.sort(java.util.Comparator.comparingInt(OtpAccount::menuPosition)
                .thenComparing(OtpAccount::id, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return ordered;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
