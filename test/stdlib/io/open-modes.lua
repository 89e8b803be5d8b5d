-- io.open accepts r w a with an optional '+' and any 'b's; anything else is an invalid mode
local name = os.tmpname()
for _, mode in ipairs{"r", "rb", "r+", "r+b", "w", "wb", "w+", "w+b", "a", "ab", "a+", "a+b", "rbb"} do
  local f = io.open(name, mode)
  print(mode, io.type(f))
  f:close()
end  -- expect: r	file -- expect: rb	file -- expect: r+	file -- expect: r+b	file -- expect: w	file -- expect: wb	file -- expect: w+	file -- expect: w+b	file -- expect: a	file -- expect: ab	file -- expect: a+	file -- expect: a+b	file -- expect: rbb	file
for _, mode in ipairs{"", "+", "b", "rw", "rb+", "r+bk", "x", "R", "r++"} do
  print(mode, pcall(io.open, name, mode))
end  -- expect: 	false	bad argument #2 to 'io.open' (invalid mode) -- expect: +	false	bad argument #2 to 'io.open' (invalid mode) -- expect: b	false	bad argument #2 to 'io.open' (invalid mode) -- expect: rw	false	bad argument #2 to 'io.open' (invalid mode) -- expect: rb+	false	bad argument #2 to 'io.open' (invalid mode) -- expect: r+bk	false	bad argument #2 to 'io.open' (invalid mode) -- expect: x	false	bad argument #2 to 'io.open' (invalid mode) -- expect: R	false	bad argument #2 to 'io.open' (invalid mode) -- expect: r++	false	bad argument #2 to 'io.open' (invalid mode)
print(pcall(io.open, name, 42))  -- expect: false	bad argument #2 to 'io.open' (invalid mode)
os.remove(name)
