-- Methods on string literals and numbers formatted through them.
print(("%5.2f"):format(3.14159), ("abc"):upper(), ("x"):byte())  -- expect:  3.14	ABC	120
print(("%d items"):format(3))  -- expect: 3 items
