Console.WriteLine("studio");
return 0;
