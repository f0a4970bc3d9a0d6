package dev.landline.blackbox.matrix;

/** One application server of the matrix. Implementations: PayaraMicro, PayaraServer, WildFly, OpenLiberty. */
public interface AppServer {

    /** "payara-micro" | "payara-server" | "wildfly" | "open-liberty" ({@code -Dmatrix.servers=...} selects). */
    String key();

    /** "Payara Server". */
    String displayName();

    /**
     * Provisions from the distribution Maven fetched, configures it the way docs/deploying-&lt;key&gt;.md tells an
     * administrator (the admin recipes under app/src/main/&lt;server&gt;/, {@link Matrix#recipes()}; the test-only
     * additions under portability/src/test/&lt;server&gt;/, {@link Matrix#testConfig()}), deploys the WAR, waits
     * until its readiness answers UP (bounded), and returns it running.
     */
    Running start(Setup setup) throws Exception;
}
