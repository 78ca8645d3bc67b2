\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Scale-out over postgres_fdw (issue 9, 0.12.0; doc/scale-out.md).  A foreign
-- server with OPTIONS (extensions 'vbp') ships an expression to the shards
-- only if every function, operator and type in it belongs to vbp.  Array
-- types are not made members with their element type, so without these an
-- org_code IN (...) list or vbp.cycle_tally's product -> cycle map would be
-- evaluated on the coordinator.
-- =====================================================================
ALTER EXTENSION vbp ADD TYPE vbp.drugcode[];
COMMENT ON TYPE vbp.drugcode[] IS 'Array of vbp.drugcode (医保药品代码), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.tracecode[];
COMMENT ON TYPE vbp.tracecode[] IS 'Array of vbp.tracecode (药品追溯码), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.orgcode[];
COMMENT ON TYPE vbp.orgcode[] IS 'Array of vbp.orgcode (定点医药机构编码), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.uscc[];
COMMENT ON TYPE vbp.uscc[] IS 'Array of vbp.uscc (统一社会信用代码), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.cny[];
COMMENT ON TYPE vbp.cny[] IS 'Array of vbp.cny (人民币金额), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.product_cycle[];
COMMENT ON TYPE vbp.product_cycle[] IS 'Array of vbp.product_cycle (产品-周期映射), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.cycle_totals[];
COMMENT ON TYPE vbp.cycle_totals[] IS 'Array of vbp.cycle_totals (周期汇总), a member of vbp so that postgres_fdw ships expressions using it';
