-- debug.getinfo on Lua and native functions.
local function f(a, b, ...) return debug.getinfo(1, "nSlu") end
local i = f()
print(i.what, i.short_src, i.source, i.linedefined, i.lastlinedefined, i.currentline, i.nparams, i.isvararg, i.nups)
local p = debug.getinfo(print)
print(p.what, p.short_src, p.source, p.linedefined, p.currentline, p.nparams, p.isvararg)
print(debug.getinfo(1, "S").what, debug.getinfo(100))

-- expect: Lua	debug-getinfo-fields.lua	@debug-getinfo-fields.lua	2	2	2	2	true	1
-- expect: C	[C]	=[C]	-1	-1	0	true
-- expect: main	nil
