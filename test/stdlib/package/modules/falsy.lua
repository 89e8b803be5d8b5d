-- returns false: require stores false, so a second require loads it again
FALSY_LOADS = (FALSY_LOADS or 0) + 1
return false
