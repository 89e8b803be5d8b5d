-- a module's main chunk cannot yield when require is called inside a coroutine: Lua runs
-- loaders with lua_call, so the yield crosses a C-call boundary
package.path = "./modules/?.lua"
local co = coroutine.wrap(function() return require("yielder") end)
print(pcall(co))  -- expect: true	loaded after yield	./modules/yielder.lua
