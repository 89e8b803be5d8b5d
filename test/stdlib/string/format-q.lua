-- string.format("%q"): literals that read back as the same value
print(string.format("%q", 'he said "hi"\n\tbye\0end\r'))  -- expect: "he said \"hi\"\ -- expect: \9bye\0end\13"
print(string.format("%q", 1/3))  -- expect: 0x1.5555555555555p-2
print(string.format("%q", 42))  -- expect: 42
print(string.format("%q", math.mininteger))  -- expect: 0x8000000000000000
print(string.format("%q", math.maxinteger))  -- expect: 9223372036854775807
print(string.format("%q", 1.0))  -- expect: 0x1p+0
print(string.format("%q", 1/0), string.format("%q", -1/0), string.format("%q", 0/0))  -- expect: 1e9999	-1e9999	(0/0)
print(string.format("%q", nil), string.format("%q", true), string.format("%q", false))  -- expect: nil	true	false
print(string.format("%q", "\200\1\0019"))  -- expect: "È\1\0019"
for _, v in ipairs({1/3, 2^63, -0.0, 123456789012, "x\ny"}) do
  local back = load("return " .. string.format("%q", v))()
  print(back == v or (v ~= v and back ~= back), math.type(back))
end  -- expect: true	float -- expect: true	float -- expect: true	float -- expect: true	integer -- expect: true	nil
print(pcall(string.format, "%q", {}))  -- expect: false	bad argument #2 to 'string.format' (value has no literal form)
print(pcall(string.format, "%10q", "x"))  -- expect: false	specifier '%q' cannot have modifiers
