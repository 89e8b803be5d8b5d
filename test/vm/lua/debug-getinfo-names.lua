-- debug.getinfo names the called function.
local function who() local i = debug.getinfo(2, "n") return tostring(i.name) .. "/" .. i.namewhat end
local function loc() return who() end
function glob() return (who()) end
local t = {fld = function() return (who()) end}
function t:meth() return (who()) end
print(loc(), glob(), t.fld(), t:meth())  -- expect: nil/	glob/global	fld/field	meth/method
