-- sets package.loaded itself and returns nothing
if ... then package.loaded[...] = "set by the module" end
