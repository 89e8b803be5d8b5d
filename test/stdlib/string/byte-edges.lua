-- string.byte: empty results and positions outside the string
print(select("#", string.byte("")))  -- expect: 0
print(select("#", string.byte("hi", 3)))  -- expect: 0
print(select("#", string.byte("hi", -3)))  -- expect: 0
print(select("#", string.byte("hi", 2, 1)))  -- expect: 0
print(select("#", string.byte("hi", 9, 10)))  -- expect: 0
print(string.byte("hi", -10, 10))  -- expect: 104	105
print(string.byte("hi", 0))  -- expect: 
print(string.byte("hi", 0, 1))  -- expect: 104
print(string.byte("hello", math.mininteger, math.maxinteger))  -- expect: 104	101	108	108	111
print(select("#", string.byte("hello", math.maxinteger)))  -- expect: 0
print(string.byte("hello", 2.0, 3.0))  -- expect: 101	108
print(string.byte("hello", "2", "3"))  -- expect: 101	108
print(pcall(string.byte, "hello", 1.5))  -- expect: false	bad argument #2 to 'string.byte' (number has no integer representation)
print(pcall(string.byte, "hello", 1, "x"))  -- expect: false	bad argument #3 to 'string.byte' (number expected, got string)
print(pcall(string.byte))  -- expect: false	bad argument #1 to 'string.byte' (string expected, got no value)
