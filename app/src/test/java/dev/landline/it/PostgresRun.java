package dev.landline.it;

import dev.landline.testsupport.Postgres;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL run of the Arquillian tests (failsafe execution "postgres"), the test classes are skipped,
 * with the reason, when no database could be prepared: then no server is even started. In the H2 run this does
 * nothing. (With -Dlandline.require.postgres=true the build already failed while preparing the database.)
 */
class PostgresRun implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Postgres.thisRun()
                .filter(run -> !"true".equals(run.getProperty("available")))
                .map(run -> ConditionEvaluationResult.disabled(run.getProperty("reason", "PostgreSQL unavailable")
                        + ": the PostgreSQL run is skipped (-D" + Postgres.REQUIRED + "=true makes this a failure)"))
                .orElse(ConditionEvaluationResult.enabled("database ready"));
    }
}
