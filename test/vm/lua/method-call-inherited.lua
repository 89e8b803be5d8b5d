-- Methods found through __index chains.
local Base = {}
Base.__index = Base
function Base.new(x) return setmetatable({x = x}, Base) end
function Base:describe() return "base " .. self.x end
function Base:twice() return self:describe() .. "/" .. self:describe() end
local Derived = setmetatable({}, {__index = Base})
Derived.__index = Derived
function Derived.new(x) return setmetatable(Base.new(x), Derived) end
function Derived:describe() return "derived " .. self.x end
print(Base.new(1):twice())  -- expect: base 1/base 1
print(Derived.new(2):twice())  -- expect: derived 2/derived 2
