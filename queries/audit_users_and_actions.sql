-- Who has written and which kinds of write exist, for the audit page's filters.
SELECT DISTINCT username, action
FROM audit_log
ORDER BY username, action;
