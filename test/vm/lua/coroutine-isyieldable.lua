-- isyieldable is false in the main thread and true in coroutines.
print(coroutine.isyieldable())  -- expect: false
local co = coroutine.create(function() print(coroutine.isyieldable()) end)
coroutine.resume(co)  -- expect: true
print(coroutine.isyieldable(co), coroutine.isyieldable(coroutine.running()))  -- expect: true	false
