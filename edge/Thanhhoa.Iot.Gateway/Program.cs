Console.Error.WriteLine("thgw: not built yet");
return 2;
