-- string.packsize: sizes with alignment, and formats without a fixed size
print(string.packsize("i4"), string.packsize("b"), string.packsize("d"), string.packsize("j"))  -- expect: 4	1	8	8
print(string.packsize("!8 b d"), string.packsize("b d"), string.packsize("!4 b i8"))  -- expect: 16	9	12
print(string.packsize("c10"), string.packsize("i3 i7"), string.packsize(""))  -- expect: 10	10	0
print(string.packsize("b Xi4"), string.packsize("!2 b Xi8"))  -- expect: 1	2
print(pcall(string.packsize, "s"))  -- expect: false	bad argument #1 to 'string.packsize' (variable-length format)
print(pcall(string.packsize, "z"))  -- expect: false	bad argument #1 to 'string.packsize' (variable-length format)
print(pcall(string.packsize, "c2147483647 c2"))  -- expect: false	invalid format option '7'
print(pcall(string.packsize, "Xz"))  -- expect: false	bad argument #1 to 'string.packsize' (invalid next option for option 'X')
print(pcall(string.packsize, "i32"))  -- expect: false	integral size (32) out of limits [1,16]
