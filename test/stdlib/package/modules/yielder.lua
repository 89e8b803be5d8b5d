-- yields while loading when required inside a coroutine
if coroutine.isyieldable() then coroutine.yield("yielded from module") end
return "loaded after yield"
