-- Strings are bytes: multi-byte characters count each byte.
local s = "héllo wörld"
print(#s, s:len(), s:upper(), s:sub(1, 2))  -- expect: 13	13	HéLLO WöRLD	h�
print(#"日本", string.byte("日", 1, -1))  -- expect: 6	230	151	165
