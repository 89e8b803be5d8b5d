-- a package whose main module is init.lua
return { kind = "init", name = (...) }
