-- The app's own PostgreSQL role: it reads and writes the partnership's records but cannot
-- change the schema, and may only read and append to the audit log (so it cannot rewrite
-- history, nor disable or drop the trigger that refuses UPDATE and DELETE: only the owner can).
--
-- Run as the role that owns the database and runs the migrations (MIGRATION_DATABASE_URL),
-- with the app's role in place of hub_app; see the README, "Database roles".
grant usage on schema public to hub_app;
grant select, insert, update, delete on all tables in schema public to hub_app;
grant usage, select on all sequences in schema public to hub_app;
-- Tables that later migrations create get the same grants.
alter default privileges in schema public grant select, insert, update, delete on tables to hub_app;
alter default privileges in schema public grant usage, select on sequences to hub_app;
-- The audit log: read and append only.
revoke update, delete, truncate on audit_log from hub_app;
