-- a submodule: require "nested.leaf" finds nested/leaf.lua
return "leaf of " .. tostring((...))
