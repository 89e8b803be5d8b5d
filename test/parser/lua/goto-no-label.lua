-- expect error: goto-no-label.lua:8: no visible label 'skip' for <goto> at line 3
for i = 1, 3 do
  if i == 2 then goto skip end
end
do
  ::skip::
end
