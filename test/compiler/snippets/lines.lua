local a, b = ...
local r = a
  +
  b
r = a
  .. b
  .. "c"
r = f(
  a,
  b
)
r = a.b
  .c
  .d
r = a[
  b
]
r = {
  1,
  2,
  x =
    3,
}
r = a
  and b
  or f()
r = - 
  a
r = not
  a
if a
  <
  b then
  r = 1
end
r =
  a.x
local function g(
  x, y)
  return x
    + y
end
obj
  .m()
r = (
  a
)
r = #
  a
