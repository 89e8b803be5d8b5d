-- expect error: const-assign.lua:5: attempt to assign to const variable 'limit'
local limit <const> = 10
for i = 1, 20 do
  if i > limit then
    limit = i
  end
end
