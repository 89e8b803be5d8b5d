-- Nested-looking brackets inside long strings.
print([[ [[ inner ]], [==[ [[ ]] ]=] ]==])  -- expect:  [[ inner 	 [[ ]] ]=] 
