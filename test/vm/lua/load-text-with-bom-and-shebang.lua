-- load does not skip '#' lines (only loadfile does).
print(load("#!shebang\nreturn 1", "=c"))  -- expect: nil	c:1: unexpected symbol near '#'
