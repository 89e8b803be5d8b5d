-- counts how many times it is loaded (in a global), returns nothing
COUNTER_LOADS = (COUNTER_LOADS or 0) + 1
