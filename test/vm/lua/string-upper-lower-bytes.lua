-- upper and lower change ASCII letters only.
print(("abcXYZ123"):upper(), ("ABCxyz!"):lower(), ("\200a"):upper() == "\200A")  -- expect: ABCXYZ123	abcxyz!	true
