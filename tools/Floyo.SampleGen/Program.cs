using Floyo.SampleGen;

return await SampleGenApp.RunAsync(args);
