/**
 * Operations: what an operator needs to see — one startup line saying which server, which database and which
 * webhook security mode is active, and readiness that fails when the database is unreachable.
 */
package dev.landline.operations;
