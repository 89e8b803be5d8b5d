-- obj:m(...) passes obj as self.
local obj = {name = "o"}
function obj:greet(greeting) return greeting .. ", " .. self.name end
function obj.plain(self, x) return self.name .. x end
print(obj:greet("hi"), obj.greet(obj, "hey"), obj:plain("!"))  -- expect: hi, o	hey, o	o!
local s = "text"
print(s:upper(), ("x"):rep(3), s:sub(2, 3))  -- expect: TEXT	xxx	ex
