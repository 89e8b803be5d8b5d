-- a module's main chunk may yield when require is called inside a coroutine: moonlet runs
-- loaders by request (docs/natives.md), so the yield crosses require. lua5.4 cannot (its
-- require uses lua_call, so isyieldable() is false there), which makes this moonlet's own
-- behaviour: the expectations below are written by hand, not by gen-expectations.
package.path = "./modules/?.lua"
local co = coroutine.wrap(function() return require("yielder") end)
print(co())  -- expect: yielded from module
print(co())  -- expect: loaded after yield	./modules/yielder.lua
print(package.loaded.yielder)  -- expect: loaded after yield
