-- require reaches package through its own reference, not the global
package.preload.pl = function(...) return {...} end
local p = package
package = nil
local pl, extra = require("pl")
print(pl[1], pl[2], extra)  -- expect: pl	:preload:	:preload:
package = p
print(type(require), require == _G.require)  -- expect: function	true
