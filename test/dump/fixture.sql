-- A user database that depends on vbp: a table with a default and a view
-- that call vbp functions.  Extended by each type and area as they land.
CREATE TABLE public.vbp_dump_probe (
  id int PRIMARY KEY,
  built_with text NOT NULL DEFAULT vbp.version()
);
INSERT INTO public.vbp_dump_probe (id) SELECT g FROM generate_series(1, 10) g;
CREATE VIEW public.vbp_dump_view AS
  SELECT id, built_with = vbp.version() AS same_build FROM public.vbp_dump_probe;
