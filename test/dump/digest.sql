-- One line per table or view of the fixture: name, row count and md5 of its rows in key order.
SELECT 'vbp_dump_probe ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM public.vbp_dump_probe t;
SELECT 'vbp_dump_view ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM public.vbp_dump_view t;
SELECT 'purchase ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM public.purchase t;
SELECT 'spend_by_group ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY grp)) FROM public.spend_by_group t;
SELECT 'dispensing ' || count(*) || ' ' || md5(string_agg(t::text || tableoid::regclass::text, '|' ORDER BY trace)) FROM public.dispensing t;
