\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Supply guarantee (供应保障): what happened to each order line after it
-- was placed (the company's response, deliveries, cancellations), the
-- delivery deadline of a region, and verified supply failures with the
-- backup products that then count as selected (doc/supply.md).
-- =====================================================================

CREATE TABLE vbp.order_event (
  org_code     vbp.orgcode NOT NULL REFERENCES vbp.institution,
  order_no     text NOT NULL CHECK (order_no <> ''),
  line_no      text NOT NULL DEFAULT '',
  event        text NOT NULL CHECK (event IN ('confirmed', 'partially_confirmed', 'refused', 'delivered', 'cancelled')),
  event_no     text NOT NULL DEFAULT '1',
  happened_on  date NOT NULL CHECK (happened_on >= '1990-01-01' AND happened_on <= '2199-12-31'),
  quantity     bigint,
  load_id      bigint,
  PRIMARY KEY (org_code, order_no, line_no, event, event_no),
  -- a response confirms a quantity (all of it, part of it, or none when refused);
  -- a delivery brings a quantity (negative: goods sent back or a correction); a
  -- cancellation withdraws a quantity of the order
  CONSTRAINT order_event_quantity CHECK (
    CASE event WHEN 'refused' THEN quantity IS NULL OR quantity = 0
               WHEN 'delivered' THEN quantity IS NOT NULL AND quantity <> 0
               WHEN 'confirmed' THEN quantity IS NULL OR quantity > 0
               ELSE quantity IS NOT NULL AND quantity > 0 END)
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.order_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.order_event FOR SELECT
  USING (vbp.tenant_sees(org_code));
COMMENT ON TABLE vbp.order_event IS
  'What happened to a purchase order line (订单执行事件) after it was placed: the company''s response (confirmed, partially_confirmed, refused), deliveries (several per line; a negative quantity sends goods back or corrects), cancellations; the line is vbp.purchase''s (org_code, order_no, line_no)';
COMMENT ON COLUMN vbp.order_event.org_code IS 'Ordering institution';
COMMENT ON COLUMN vbp.order_event.order_no IS 'Platform order number (订单编号) of the line in vbp.purchase';
COMMENT ON COLUMN vbp.order_event.line_no IS 'Order line (订单明细号); empty when one line per order';
COMMENT ON COLUMN vbp.order_event.event IS 'confirmed (确认), partially_confirmed (部分确认), refused (拒绝), delivered (配送), cancelled (取消/撤单)';
COMMENT ON COLUMN vbp.order_event.event_no IS 'Which event of that kind (配送单号 for deliveries); 1 when the line has one';
COMMENT ON COLUMN vbp.order_event.happened_on IS 'Day of the event: response, delivery (送达) or cancellation';
COMMENT ON COLUMN vbp.order_event.quantity IS 'Smallest units: partially confirmed, delivered (negative = sent back) or cancelled; NULL for a refusal; a confirmation (confirmed) is of the whole line, a quantity on it kept but not read';
COMMENT ON COLUMN vbp.order_event.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
CREATE INDEX order_event_line ON vbp.order_event (org_code, order_no, line_no);
COMMENT ON INDEX vbp.order_event_line IS 'Events of an order line';
SELECT pg_catalog.pg_extension_config_dump('vbp.order_event', '');

CREATE TABLE vbp.delivery_deadline (
  rule_set  text NOT NULL,
  division  text NOT NULL REFERENCES vbp.division,
  days      int NOT NULL CHECK (days BETWEEN 1 AND 365),
  source    text NOT NULL,
  shipped   boolean NOT NULL DEFAULT false,
  PRIMARY KEY (rule_set, division)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.delivery_deadline ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.delivery_deadline FOR SELECT USING (true);
COMMENT ON TABLE vbp.delivery_deadline IS
  'Delivery deadline of a region (配送时限, e.g. 偏远地区): days from order to delivery for institutions in a province, city or county under a rule set; the most precise division wins, elsewhere the rule set''s parameter delivery_days';
COMMENT ON COLUMN vbp.delivery_deadline.rule_set IS 'Rule set';
COMMENT ON COLUMN vbp.delivery_deadline.division IS 'Province (2 digits), city (4) or county (6) code';
COMMENT ON COLUMN vbp.delivery_deadline.days IS 'Days from the order date within which the line must be delivered';
COMMENT ON COLUMN vbp.delivery_deadline.source IS 'Where the deadline is published';
COMMENT ON COLUMN vbp.delivery_deadline.shipped IS 'Shipped with vbp (true) or added by the user';
SELECT pg_catalog.pg_extension_config_dump('vbp.delivery_deadline', 'WHERE NOT shipped');

CREATE SEQUENCE vbp.supply_failure_id_seq;
COMMENT ON SEQUENCE vbp.supply_failure_id_seq IS 'Identifiers of supply failures';
SELECT pg_catalog.pg_extension_config_dump('vbp.supply_failure_id_seq', '');
CREATE TABLE vbp.supply_failure (
  failure_id    bigint NOT NULL DEFAULT nextval('vbp.supply_failure_id_seq') PRIMARY KEY,
  batch_id      int NOT NULL REFERENCES vbp.batch,
  product_code  vbp.drugcode NOT NULL REFERENCES vbp.product,
  division      text NOT NULL REFERENCES vbp.division,
  from_date     date NOT NULL,
  to_date       date NOT NULL,
  verified_on   date,
  verified_by   text,
  detail        text,
  load_id       bigint,
  CONSTRAINT supply_failure_period CHECK (from_date <= to_date AND from_date >= '1990-01-01' AND to_date <= '2199-12-31'),
  CONSTRAINT supply_failure_verified CHECK (verified_on IS NULL OR verified_on >= from_date)
);
ALTER SEQUENCE vbp.supply_failure_id_seq OWNED BY vbp.supply_failure.failure_id;
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.supply_failure ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.supply_failure FOR SELECT USING (true);
COMMENT ON TABLE vbp.supply_failure IS
  'A supply failure (断供) of a selected product in a region and period, as complained and, once verified by the insurance bureau (核实), with its backup products (vbp.supply_backup): purchases of a backup in that region and period then count as the selected product''s for fulfilment, the selected-share alert and retention';
COMMENT ON COLUMN vbp.supply_failure.failure_id IS 'Identifier';
COMMENT ON COLUMN vbp.supply_failure.batch_id IS 'Batch in which the product was selected';
COMMENT ON COLUMN vbp.supply_failure.product_code IS 'The selected product that was not supplied (its company is vbp.product.company)';
COMMENT ON COLUMN vbp.supply_failure.division IS 'Region: province (2 digits), city (4) or county (6) code';
COMMENT ON COLUMN vbp.supply_failure.from_date IS 'First day of the failure';
COMMENT ON COLUMN vbp.supply_failure.to_date IS 'Last day of the failure';
COMMENT ON COLUMN vbp.supply_failure.verified_on IS 'Day the bureau verified the complaint (核实); NULL: not verified, no substitution';
COMMENT ON COLUMN vbp.supply_failure.verified_by IS 'Who verified it';
COMMENT ON COLUMN vbp.supply_failure.detail IS 'What was complained and found';
COMMENT ON COLUMN vbp.supply_failure.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';

CREATE TABLE vbp.supply_backup (
  failure_id    bigint NOT NULL REFERENCES vbp.supply_failure ON DELETE CASCADE,
  product_code  vbp.drugcode NOT NULL REFERENCES vbp.product,
  PRIMARY KEY (failure_id, product_code)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.supply_backup ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.supply_backup FOR SELECT USING (true);
COMMENT ON TABLE vbp.supply_backup IS
  'Backup products (备选产品) named for a supply failure: products of the same generic group, not selected in the batch, whose purchases count as selected while the failure holds';
COMMENT ON COLUMN vbp.supply_backup.failure_id IS 'The supply failure';
COMMENT ON COLUMN vbp.supply_backup.product_code IS 'A backup product';

CREATE FUNCTION vbp.check_supply_failure() RETURNS trigger
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  f vbp.supply_failure;
  grp vbp.drugcode;
BEGIN
  -- which table: the trigger's argument, not TG_TABLE_NAME (on Citus the rows
  -- are checked on a shard, whose name has its shard number)
  IF TG_ARGV[0] = 'failure' THEN
    f := NEW;
    IF NOT EXISTS (SELECT 1 FROM vbp.selection s WHERE s.batch_id = f.batch_id AND s.product_code = f.product_code AND s.selected) THEN
      RAISE EXCEPTION 'product % was not selected in batch %', f.product_code, f.batch_id
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = 'A supply failure is recorded against a selected product (中选产品).';
    END IF;
    -- a failure moved to another product or batch keeps its backups only where they
    -- still fit: of the new product's group, and not themselves selected in the batch
    IF TG_OP = 'UPDATE' THEN
      SELECT p.group_code INTO grp FROM vbp.product p WHERE p.product_code = f.product_code;
      SELECT b.product_code INTO f.product_code FROM vbp.supply_backup b JOIN vbp.product p ON p.product_code = b.product_code
      WHERE b.failure_id = NEW.failure_id
        AND (p.group_code IS DISTINCT FROM grp
             OR EXISTS (SELECT 1 FROM vbp.selection s WHERE s.batch_id = NEW.batch_id AND s.product_code = b.product_code AND s.selected))
      LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'supply failure % has backup product %, which does not fit its new product', NEW.failure_id, f.product_code
          USING ERRCODE = 'invalid_parameter_value',
                DETAIL = format('A backup product is of the failed product''s generic group (%s) and not itself selected in batch %s.', grp, NEW.batch_id),
                HINT = 'Delete the failure''s backups first, or record the other product''s failure as a new one.';
      END IF;
    END IF;
    RETURN NEW;
  END IF;
  SELECT * INTO f FROM vbp.supply_failure x WHERE x.failure_id = NEW.failure_id;
  SELECT p.group_code INTO grp FROM vbp.product p WHERE p.product_code = f.product_code;
  IF NOT EXISTS (SELECT 1 FROM vbp.product p WHERE p.product_code = NEW.product_code AND p.group_code = grp) THEN
    RAISE EXCEPTION 'backup product % is not of generic group %', NEW.product_code, grp
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('Supply failure %s is of product %s.', f.failure_id, f.product_code);
  END IF;
  IF EXISTS (SELECT 1 FROM vbp.selection s WHERE s.batch_id = f.batch_id AND s.product_code = NEW.product_code AND s.selected) THEN
    RAISE EXCEPTION 'backup product % is itself selected in batch %', NEW.product_code, f.batch_id
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Its purchases count as selected already.';
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION vbp.check_supply_failure() IS
  'Trigger: a supply failure names a product selected in its batch, and an updated one keeps only backups that still fit; a backup product is of the same generic group and not itself selected (22023)';
CREATE TRIGGER check_failure BEFORE INSERT OR UPDATE ON vbp.supply_failure
  FOR EACH ROW EXECUTE FUNCTION vbp.check_supply_failure('failure');
COMMENT ON TRIGGER check_failure ON vbp.supply_failure IS 'A supply failure names a product selected in its batch';
CREATE TRIGGER check_backup BEFORE INSERT OR UPDATE ON vbp.supply_backup
  FOR EACH ROW EXECUTE FUNCTION vbp.check_supply_failure('backup');
COMMENT ON TRIGGER check_backup ON vbp.supply_backup IS 'A backup product is of the failed product''s group and not itself selected';
SELECT pg_catalog.pg_extension_config_dump('vbp.supply_failure', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.supply_backup', '');
