-- the E and O modifiers of C99 are accepted and change nothing in the C locale
local t = 1234567890
for _, c in ipairs{"Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou", "OU", "OV", "Ow", "OW", "Oy"} do
  print(c, os.date("!%" .. c, t), os.date("!%" .. c:sub(2), t))
end  -- expect: Ec	Fri Feb 13 23:31:30 2009	Fri Feb 13 23:31:30 2009 -- expect: EC	20	20 -- expect: Ex	02/13/09	02/13/09 -- expect: EX	23:31:30	23:31:30 -- expect: Ey	09	09 -- expect: EY	2009	2009 -- expect: Od	13	13 -- expect: Oe	13	13 -- expect: OH	23	23 -- expect: OI	11	11 -- expect: Om	02	02 -- expect: OM	31	31 -- expect: OS	30	30 -- expect: Ou	5	5 -- expect: OU	06	06 -- expect: OV	07	07 -- expect: Ow	5	5 -- expect: OW	06	06 -- expect: Oy	09	09
