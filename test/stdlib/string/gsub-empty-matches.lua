-- string.gsub: empty matches next to non-empty ones
print(string.gsub("abc", "b*", "-"))  -- expect: -a-c-	3
print(string.gsub("a,b,,c", "[^,]*", "<%0>"))  -- expect: <a>,<b>,<>,<c>	4
print(string.gsub("hello world", "%s*", "_"))  -- expect: _h_e_l_l_o_w_o_r_l_d_	11
print(string.gsub("abc", "x*", "-"))  -- expect: -a-b-c-	4
print(string.gsub("", "x*", "-"))  -- expect: -	1
