\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- The tenant test every row-level security policy of an institution's rows
-- calls (数据权限判断).  It comes before the tables so that each table's
-- policy stands beside its definition; the scope rows it reads are
-- vbp.tenant_scope (security/scope.sql), read when it is called.  A policy
-- calls a function rather than holding a subquery because Citus accepts no
-- subquery in the policy of a distributed or reference table
-- (doc/scale-out.md); the function reads the caller's scope rows once per
-- query, so a scan pays a lookup per row, not a plan per row.
-- =====================================================================

CREATE FUNCTION vbp.tenant_sees(org vbp.orgcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_tenant_sees'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tenant_sees(vbp.orgcode) IS
  'Whether the current user''s tenant scope covers an institution (数据权限判断): a scope row of vbp.tenant_scope it holds (vbp.scope_holder) for the nation, the institution''s province or the institution itself.  The row-level security policies of institutions'' rows call it; it reads the caller''s scope rows once per query';
