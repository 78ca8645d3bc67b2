-- One line per table or view of the fixture: its name, row count and md5 of its rows in key order.
SELECT 'vbp_dump_probe ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM public.vbp_dump_probe t;
SELECT 'vbp_dump_view ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM public.vbp_dump_view t;
