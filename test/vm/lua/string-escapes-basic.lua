-- Backslash escapes in quoted strings.
print("tab:\t|", "nl-count:" .. #"\n", "quote:\"", 'apos:\'', "back:\\")  -- expect: tab:	|	nl-count:1	quote:"	apos:'	back:\
print(#"\a\b\f\n\r\t\v", string.byte("\a\b\f\n\r\t\v", 1, -1))  -- expect: 7	7	8	12	10	13	9	11
print("\65\066\0671", #"\0", #"a\0b", "\x41\x62\x7A")  -- expect: ABC1	1	3	Abz
