-- Integer floor division and modulo agree: a == (a // b) * b + a % b.
for _, a in ipairs({7, -7, 0, 13, -13}) do
  for _, b in ipairs({3, -3, 5, -1}) do
    io.write(a // b, " ", a % b, " ", tostring((a // b) * b + a % b == a), "; ")
  end
end  -- expect: 2 1 true; -3 -2 true; 1 2 true; -7 0 true; -3 2 true; 2 -1 true; -2 3 true; 7 0 true; 0 0 true; 0 0 true; 0 0 true; 0 0 true; 4 1 true; -5 -2 true; 2 3 true; -13 0 true; -5 2 true; 4 -1 true; -3 2 true; 13 0 true; 
print()
